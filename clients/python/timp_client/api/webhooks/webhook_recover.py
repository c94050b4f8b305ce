from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.invalid_input import InvalidInput
from ...models.recover_request import RecoverRequest
from ...models.recovered import Recovered
from typing import cast
from uuid import UUID



def _get_kwargs(
    endpoint_uuid: UUID,
    *,
    body: RecoverRequest,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/timp/webhooks/{endpoint_uuid}/recover/".format(endpoint_uuid=quote(str(endpoint_uuid), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | InvalidInput | Recovered | None:
    if response.status_code == 202:
        response_202 = Recovered.from_dict(response.json())



        return response_202

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | InvalidInput | Recovered]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    endpoint_uuid: UUID,
    *,
    client: AuthenticatedClient,
    body: RecoverRequest,

) -> Response[Error | InvalidInput | Recovered]:
    """ 
    Args:
        endpoint_uuid (UUID):
        body (RecoverRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | InvalidInput | Recovered]
     """


    kwargs = _get_kwargs(
        endpoint_uuid=endpoint_uuid,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    endpoint_uuid: UUID,
    *,
    client: AuthenticatedClient,
    body: RecoverRequest,

) -> Error | InvalidInput | Recovered | None:
    """ 
    Args:
        endpoint_uuid (UUID):
        body (RecoverRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | InvalidInput | Recovered
     """


    return sync_detailed(
        endpoint_uuid=endpoint_uuid,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    endpoint_uuid: UUID,
    *,
    client: AuthenticatedClient,
    body: RecoverRequest,

) -> Response[Error | InvalidInput | Recovered]:
    """ 
    Args:
        endpoint_uuid (UUID):
        body (RecoverRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | InvalidInput | Recovered]
     """


    kwargs = _get_kwargs(
        endpoint_uuid=endpoint_uuid,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    endpoint_uuid: UUID,
    *,
    client: AuthenticatedClient,
    body: RecoverRequest,

) -> Error | InvalidInput | Recovered | None:
    """ 
    Args:
        endpoint_uuid (UUID):
        body (RecoverRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | InvalidInput | Recovered
     """


    return (await asyncio_detailed(
        endpoint_uuid=endpoint_uuid,
client=client,
body=body,

    )).parsed
