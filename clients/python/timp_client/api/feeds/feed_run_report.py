from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.invalid_input import InvalidInput
from ...models.run import Run
from ...models.run_report_request import RunReportRequest
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    connection_uuid: UUID,
    record_uuid: UUID,
    *,
    body: RunReportRequest,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/timp/organizations/connections/{connection_uuid}/integrations/{record_uuid}/runs/".format(connection_uuid=quote(str(connection_uuid), safe=""),record_uuid=quote(str(record_uuid), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | InvalidInput | Run | None:
    if response.status_code == 201:
        response_201 = Run.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        response_400 = InvalidInput.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())



        return response_409

    if response.status_code == 412:
        response_412 = Error.from_dict(response.json())



        return response_412

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())



        return response_413

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())



        return response_415

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | InvalidInput | Run]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    connection_uuid: UUID,
    record_uuid: UUID,
    *,
    client: AuthenticatedClient,
    body: RunReportRequest,
    idempotency_key: str | Unset = UNSET,

) -> Response[Error | InvalidInput | Run]:
    """ 
    Args:
        connection_uuid (UUID):
        record_uuid (UUID):
        idempotency_key (str | Unset):
        body (RunReportRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | InvalidInput | Run]
     """


    kwargs = _get_kwargs(
        connection_uuid=connection_uuid,
record_uuid=record_uuid,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    connection_uuid: UUID,
    record_uuid: UUID,
    *,
    client: AuthenticatedClient,
    body: RunReportRequest,
    idempotency_key: str | Unset = UNSET,

) -> Error | InvalidInput | Run | None:
    """ 
    Args:
        connection_uuid (UUID):
        record_uuid (UUID):
        idempotency_key (str | Unset):
        body (RunReportRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | InvalidInput | Run
     """


    return sync_detailed(
        connection_uuid=connection_uuid,
record_uuid=record_uuid,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    connection_uuid: UUID,
    record_uuid: UUID,
    *,
    client: AuthenticatedClient,
    body: RunReportRequest,
    idempotency_key: str | Unset = UNSET,

) -> Response[Error | InvalidInput | Run]:
    """ 
    Args:
        connection_uuid (UUID):
        record_uuid (UUID):
        idempotency_key (str | Unset):
        body (RunReportRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | InvalidInput | Run]
     """


    kwargs = _get_kwargs(
        connection_uuid=connection_uuid,
record_uuid=record_uuid,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    connection_uuid: UUID,
    record_uuid: UUID,
    *,
    client: AuthenticatedClient,
    body: RunReportRequest,
    idempotency_key: str | Unset = UNSET,

) -> Error | InvalidInput | Run | None:
    """ 
    Args:
        connection_uuid (UUID):
        record_uuid (UUID):
        idempotency_key (str | Unset):
        body (RunReportRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | InvalidInput | Run
     """


    return (await asyncio_detailed(
        connection_uuid=connection_uuid,
record_uuid=record_uuid,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
