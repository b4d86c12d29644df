"""The advice as people read it: the engine's result turned into a translated context with the
cited passages and the 104-week picture. Shared by the wizard's advice page, the letters, the
advisor's screens and the counts page, so it belongs to none of them; it knows no models and no
views (docs/architecture.md, the layers)."""
