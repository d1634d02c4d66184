"""Credentials for a SPARQL endpoint: from the environment or a netrc file, never from the command line.

Order: KG_ENDPOINT_USER + KG_ENDPOINT_PASSWORD, else the netrc entry for the endpoint's host ($NETRC or
~/.netrc). The password is kept out of repr() and str(), so it cannot leak into errors or logs.

>>> c = Credentials("ann", "s3cret")
>>> "s3cret" in repr(c) or "s3cret" in str(c)
False
>>> credentials_for("http://127.0.0.1:7878/query", env={"KG_ENDPOINT_USER": "ann", "KG_ENDPOINT_PASSWORD": "pw"}).user
'ann'
"""
from __future__ import annotations

import base64
import netrc
import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from kg.errors import EndpointError


@dataclass(frozen=True)
class Credentials:
    """HTTP basic-auth credentials; the password never appears in repr()."""

    user: str
    password: str = field(repr=False)

    def __str__(self) -> str:
        return f"Credentials(user={self.user!r}, password=***)"

    def scrub(self, text: str) -> str:
        """``text`` with the password and the Authorization token replaced by *** (a server may echo them).

        >>> Credentials("ann", "pw1234").scrub("denied: pw1234 / Basic YW5uOnB3MTIzNA==")
        'denied: *** / Basic ***'
        """
        for secret in (self.header().split(" ", 1)[1], self.password):
            if secret:
                text = text.replace(secret, "***")
        return text

    def header(self) -> str:
        """The value of an Authorization header."""
        token = base64.b64encode(f"{self.user}:{self.password}".encode("utf-8")).decode("ascii")
        return f"Basic {token}"


def credentials_for(endpoint: str, *, env: dict[str, str] | None = None) -> Credentials | None:
    """The credentials to use for ``endpoint``, or None when there are none."""
    env = os.environ if env is None else env
    user, password = env.get("KG_ENDPOINT_USER"), env.get("KG_ENDPOINT_PASSWORD")
    if user or password:
        if not (user and password is not None):
            raise EndpointError("set both KG_ENDPOINT_USER and KG_ENDPOINT_PASSWORD, or neither")
        return Credentials(user, password)
    path = Path(env["NETRC"]) if env.get("NETRC") else Path.home() / ".netrc"
    if not path.is_file():
        return None
    host = urlsplit(endpoint).hostname or ""
    try:
        entry = netrc.netrc(str(path)).authenticators(host)
    except netrc.NetrcParseError as exc:
        # the parse error message can quote the offending line; report the line number only
        raise EndpointError(f"cannot read the netrc file {path}: syntax error at line {exc.lineno}") from None
    except OSError as exc:
        raise EndpointError(f"cannot read the netrc file {path}: {exc.strerror}") from None
    if not entry:
        return None
    login, _account, password = entry
    return Credentials(login or "", password or "")
