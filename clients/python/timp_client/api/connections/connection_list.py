from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.connection import Connection
from ...models.connection_list_ordering import ConnectionListOrdering
from ...models.connection_list_status import ConnectionListStatus
from ...models.error import Error
from ...models.invalid_input import InvalidInput
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    *,
    limit: int | Unset = UNSET,
    ordering: ConnectionListOrdering | Unset = UNSET,
    retailer_uuid: UUID | Unset = UNSET,
    search: str | Unset = UNSET,
    start: int | Unset = UNSET,
    status: ConnectionListStatus | Unset = UNSET,
    supplier_uuid: UUID | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_ordering: str | Unset = UNSET
    if not isinstance(ordering, Unset):
        json_ordering = ordering.value

    params["ordering"] = json_ordering

    json_retailer_uuid: str | Unset = UNSET
    if not isinstance(retailer_uuid, Unset):
        json_retailer_uuid = str(retailer_uuid)
    params["retailer_uuid"] = json_retailer_uuid

    params["search"] = search

    params["start"] = start

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_supplier_uuid: str | Unset = UNSET
    if not isinstance(supplier_uuid, Unset):
        json_supplier_uuid = str(supplier_uuid)
    params["supplier_uuid"] = json_supplier_uuid


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/timp/organizations/connections/",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | InvalidInput | list[Connection] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for componentsschemas_paginated_connection_list_item_data in (_response_200):
            componentsschemas_paginated_connection_list_item = Connection.from_dict(componentsschemas_paginated_connection_list_item_data)



            response_200.append(componentsschemas_paginated_connection_list_item)

        return response_200

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

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | InvalidInput | list[Connection]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    ordering: ConnectionListOrdering | Unset = UNSET,
    retailer_uuid: UUID | Unset = UNSET,
    search: str | Unset = UNSET,
    start: int | Unset = UNSET,
    status: ConnectionListStatus | Unset = UNSET,
    supplier_uuid: UUID | Unset = UNSET,

) -> Response[Error | InvalidInput | list[Connection]]:
    """ List connections

     A bare array; the total is in X-Total-Count and the neighbouring pages in Link.

    Args:
        limit (int | Unset):
        ordering (ConnectionListOrdering | Unset):
        retailer_uuid (UUID | Unset):
        search (str | Unset):
        start (int | Unset):
        status (ConnectionListStatus | Unset):
        supplier_uuid (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | InvalidInput | list[Connection]]
     """


    kwargs = _get_kwargs(
        limit=limit,
ordering=ordering,
retailer_uuid=retailer_uuid,
search=search,
start=start,
status=status,
supplier_uuid=supplier_uuid,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    ordering: ConnectionListOrdering | Unset = UNSET,
    retailer_uuid: UUID | Unset = UNSET,
    search: str | Unset = UNSET,
    start: int | Unset = UNSET,
    status: ConnectionListStatus | Unset = UNSET,
    supplier_uuid: UUID | Unset = UNSET,

) -> Error | InvalidInput | list[Connection] | None:
    """ List connections

     A bare array; the total is in X-Total-Count and the neighbouring pages in Link.

    Args:
        limit (int | Unset):
        ordering (ConnectionListOrdering | Unset):
        retailer_uuid (UUID | Unset):
        search (str | Unset):
        start (int | Unset):
        status (ConnectionListStatus | Unset):
        supplier_uuid (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | InvalidInput | list[Connection]
     """


    return sync_detailed(
        client=client,
limit=limit,
ordering=ordering,
retailer_uuid=retailer_uuid,
search=search,
start=start,
status=status,
supplier_uuid=supplier_uuid,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    ordering: ConnectionListOrdering | Unset = UNSET,
    retailer_uuid: UUID | Unset = UNSET,
    search: str | Unset = UNSET,
    start: int | Unset = UNSET,
    status: ConnectionListStatus | Unset = UNSET,
    supplier_uuid: UUID | Unset = UNSET,

) -> Response[Error | InvalidInput | list[Connection]]:
    """ List connections

     A bare array; the total is in X-Total-Count and the neighbouring pages in Link.

    Args:
        limit (int | Unset):
        ordering (ConnectionListOrdering | Unset):
        retailer_uuid (UUID | Unset):
        search (str | Unset):
        start (int | Unset):
        status (ConnectionListStatus | Unset):
        supplier_uuid (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | InvalidInput | list[Connection]]
     """


    kwargs = _get_kwargs(
        limit=limit,
ordering=ordering,
retailer_uuid=retailer_uuid,
search=search,
start=start,
status=status,
supplier_uuid=supplier_uuid,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    ordering: ConnectionListOrdering | Unset = UNSET,
    retailer_uuid: UUID | Unset = UNSET,
    search: str | Unset = UNSET,
    start: int | Unset = UNSET,
    status: ConnectionListStatus | Unset = UNSET,
    supplier_uuid: UUID | Unset = UNSET,

) -> Error | InvalidInput | list[Connection] | None:
    """ List connections

     A bare array; the total is in X-Total-Count and the neighbouring pages in Link.

    Args:
        limit (int | Unset):
        ordering (ConnectionListOrdering | Unset):
        retailer_uuid (UUID | Unset):
        search (str | Unset):
        start (int | Unset):
        status (ConnectionListStatus | Unset):
        supplier_uuid (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | InvalidInput | list[Connection]
     """


    return (await asyncio_detailed(
        client=client,
limit=limit,
ordering=ordering,
retailer_uuid=retailer_uuid,
search=search,
start=start,
status=status,
supplier_uuid=supplier_uuid,

    )).parsed
