from __future__ import annotations

from django.http import HttpRequest

from disclosure.roles import Role, roles_of


def roles(request: HttpRequest) -> dict[str, bool]:
    held = roles_of(request.user)
    return {"is_author": Role.AUTHOR in held, "is_checker": Role.CHECKER in held, "is_dpo": Role.DPO in held}
