from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.invalid_input import InvalidInput
from ...models.paginated_check_list import PaginatedCheckList
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    connection_uuid: UUID,
    record_uuid: UUID,
    *,
    limit: int | Unset = UNSET,
    start: int | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["start"] = start


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/timp/organizations/connections/{connection_uuid}/integrations/{record_uuid}/checks/".format(connection_uuid=quote(str(connection_uuid), safe=""),record_uuid=quote(str(record_uuid), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | InvalidInput | PaginatedCheckList | None:
    if response.status_code == 200:
        response_200 = PaginatedCheckList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | InvalidInput | PaginatedCheckList]:
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
    limit: int | Unset = UNSET,
    start: int | Unset = UNSET,

) -> Response[Error | InvalidInput | PaginatedCheckList]:
    """ 
    Args:
        connection_uuid (UUID):
        record_uuid (UUID):
        limit (int | Unset):
        start (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | InvalidInput | PaginatedCheckList]
     """


    kwargs = _get_kwargs(
        connection_uuid=connection_uuid,
record_uuid=record_uuid,
limit=limit,
start=start,

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
    limit: int | Unset = UNSET,
    start: int | Unset = UNSET,

) -> Error | InvalidInput | PaginatedCheckList | None:
    """ 
    Args:
        connection_uuid (UUID):
        record_uuid (UUID):
        limit (int | Unset):
        start (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | InvalidInput | PaginatedCheckList
     """


    return sync_detailed(
        connection_uuid=connection_uuid,
record_uuid=record_uuid,
client=client,
limit=limit,
start=start,

    ).parsed

async def asyncio_detailed(
    connection_uuid: UUID,
    record_uuid: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    start: int | Unset = UNSET,

) -> Response[Error | InvalidInput | PaginatedCheckList]:
    """ 
    Args:
        connection_uuid (UUID):
        record_uuid (UUID):
        limit (int | Unset):
        start (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | InvalidInput | PaginatedCheckList]
     """


    kwargs = _get_kwargs(
        connection_uuid=connection_uuid,
record_uuid=record_uuid,
limit=limit,
start=start,

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
    limit: int | Unset = UNSET,
    start: int | Unset = UNSET,

) -> Error | InvalidInput | PaginatedCheckList | None:
    """ 
    Args:
        connection_uuid (UUID):
        record_uuid (UUID):
        limit (int | Unset):
        start (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | InvalidInput | PaginatedCheckList
     """


    return (await asyncio_detailed(
        connection_uuid=connection_uuid,
record_uuid=record_uuid,
client=client,
limit=limit,
start=start,

    )).parsed
