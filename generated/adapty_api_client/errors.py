"""Contains shared errors types that can be raised from API functions"""


class ApiError(Exception):
    """Base of the errors raised for a response the client cannot turn into a documented type."""

    def __init__(self, status_code: int, content: bytes, message: str):
        self.status_code = status_code
        self.content = content
        super().__init__(message)


class UnexpectedStatus(ApiError):
    """Raised by api functions when the response status an undocumented status and Client.raise_on_unexpected_status is True"""

    def __init__(self, status_code: int, content: bytes):
        super().__init__(
            status_code,
            content,
            f"Unexpected status code: {status_code}\n\nResponse content:\n{content.decode(errors='ignore')}",
        )


class UnexpectedResponseBody(ApiError):
    """Raised by api functions when a documented status comes with a body that does not match its schema"""

    def __init__(self, status_code: int, content: bytes, reason: str):
        self.reason = reason
        super().__init__(
            status_code,
            content,
            f"Response body for status {status_code} does not match the schema: {reason}\n\n"
            f"Response content:\n{content.decode(errors='ignore')}",
        )


__all__ = ["ApiError", "UnexpectedResponseBody", "UnexpectedStatus"]
