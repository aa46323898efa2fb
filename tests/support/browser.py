"""What the browser tests share: the window sizes they open pages at, and the log of what a
page asked for and what went wrong on it (the `traffic` and `open_page` fixtures in
conftest.py fill it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

DESKTOP = {"width": 1400, "height": 900}
PHONE = {"width": 375, "height": 740}


def origin(url: str) -> str:
    """scheme://host:port of a URL, without a trailing slash."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@dataclass
class Traffic:
    """Every request the browser made, the same-origin ones that failed, script errors."""

    origin: str
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def record(self, request) -> None:
        self.requests.append(request.url)

    def record_response(self, response) -> None:
        if response.status >= 400 and response.url.startswith(self.origin):
            self.failed.append(f"{response.status} {response.url}")

    def record_console(self, message) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def record_page_error(self, error) -> None:
        self.errors.append(str(error))

    def is_local(self, url: str) -> bool:
        """A request to the served site itself (not merely a URL that starts alike)."""
        return url.startswith(self.origin + "/")

    def leaving(self) -> list[str]:
        return [
            url for url in self.requests
            if not (self.is_local(url) or url.startswith(("data:", "blob:")))
        ]
