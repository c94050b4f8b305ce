
""" A client library for accessing TIMP API (sandbox) """
from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
