"""Contains all the data models used in inputs/outputs"""

from .error_response import ErrorResponse
from .error_response_errors_item import ErrorResponseErrorsItem
from .integration_identifiers_request import IntegrationIdentifiersRequest
from .integration_identifiers_response import IntegrationIdentifiersResponse

__all__ = (
    "ErrorResponse",
    "ErrorResponseErrorsItem",
    "IntegrationIdentifiersRequest",
    "IntegrationIdentifiersResponse",
)
