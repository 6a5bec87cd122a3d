"""Citizen pages for the contract."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, abort, redirect, render_template, request, url_for

from portal.auth.current_user import citizen_required, current_citizen
from portal.citizen.contract.forms import AcceptContractForm
from portal.clock import now_utc
from portal.contract import pdf, rendering, services
from portal.contract.services import ContractError

bp = Blueprint("citizen_contract", __name__, url_prefix="/citizen/contract")


def _show(form: AcceptContractForm | None = None, error: object = None, status: int = 200) -> Any:
    citizen = current_citizen()
    version = services.current(citizen)
    if version is None:
        return render_template("citizen/contract/none.html"), status
    mine, danish = rendering.bilingual(version)
    return render_template(
        "citizen/contract/show.html",
        version=version,
        mine=mine,
        danish=danish,
        sections={s.key: s for s in mine.sections},
        plan=rendering.weeks(mine.activities),
        form=form or AcceptContractForm(),
        error=error,
        text="da" if request.args.get("text") == "da" else "mine",
    ), status


@bp.get("/")
@citizen_required
def show() -> Any:
    return _show()


@bp.post("/<int:number>/accept")
@citizen_required
def accept(number: int) -> Any:
    form = AcceptContractForm()
    if not form.validate_on_submit():
        return _show(form, status=400)
    try:
        services.accept(current_citizen(), number, bool(form.declaration.data), now_utc())
    except ContractError as exc:
        return _show(None, exc.message, status=409)
    return redirect(url_for("citizen_contract.receipt", number=number), 303)


def _version(number: int) -> Any:
    version = services.citizen_version(current_citizen(), number)
    if version is None:
        abort(404)
    return version


@bp.get("/<int:number>/receipt")
@citizen_required
def receipt(number: int) -> Any:
    version = _version(number)
    if not version.concluded and version.status != "superseded":
        abort(404)
    return render_template("citizen/contract/receipt.html", version=version)


@bp.get("/history")
@citizen_required
def history() -> Any:
    shown = services.shown_to_citizen(current_citizen())
    rows = [
        (v, services.changes(shown[i + 1] if i + 1 < len(shown) else None, v))
        for i, v in enumerate(shown)
    ]
    labels = rendering.render(shown[0]).labels if shown else {}
    return render_template("citizen/contract/history.html", rows=rows, labels=labels,
                           activity_names=rendering.activity_names)


@bp.get("/<int:number>/contract.pdf")
@citizen_required
def download(number: int) -> Any:
    version = _version(number)
    data = pdf.contract_pdf(version)
    return Response(
        data,
        mimetype="application/pdf",
        headers={"Content-Disposition": f"attachment; filename=contract-{number}.pdf"},
    )
