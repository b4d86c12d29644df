"""The letter kinds: one module per kind in ``kinds/`` holds everything that makes that letter
(titles, recipient, whether the employer reads it, the details it needs, how its context is
built, its sending sheet and its template). ``registry`` finds them. The documents app renders
any kind the same way, and the wizard asks the details the kinds need; neither names a kind.

It sits below the wizard and above the advice (docs/architecture.md): it reads the advice's
prepared context and the routing's referral, and knows no models and no views."""
