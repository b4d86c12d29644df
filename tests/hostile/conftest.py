from tests.documents.conftest import owned_case  # noqa: F401 - shared fixture
