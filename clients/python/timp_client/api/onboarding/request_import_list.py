from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.invalid_input import InvalidInput
from ...models.paginated_import_list import PaginatedImportList
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
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
        "url": "/timp/organizations/connections/request/imports/",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | InvalidInput | PaginatedImportList | None:
    if response.status_code == 200:
        response_200 = PaginatedImportList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | InvalidInput | PaginatedImportList]:
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
    start: int | Unset = UNSET,

) -> Response[Error | InvalidInput | PaginatedImportList]:
    """ 
    Args:
        limit (int | Unset):
        start (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | InvalidInput | PaginatedImportList]
     """


    kwargs = _get_kwargs(
        limit=limit,
start=start,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    start: int | Unset = UNSET,

) -> Error | InvalidInput | PaginatedImportList | None:
    """ 
    Args:
        limit (int | Unset):
        start (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | InvalidInput | PaginatedImportList
     """


    return sync_detailed(
        client=client,
limit=limit,
start=start,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    start: int | Unset = UNSET,

) -> Response[Error | InvalidInput | PaginatedImportList]:
    """ 
    Args:
        limit (int | Unset):
        start (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | InvalidInput | PaginatedImportList]
     """


    kwargs = _get_kwargs(
        limit=limit,
start=start,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    start: int | Unset = UNSET,

) -> Error | InvalidInput | PaginatedImportList | None:
    """ 
    Args:
        limit (int | Unset):
        start (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | InvalidInput | PaginatedImportList
     """


    return (await asyncio_detailed(
        client=client,
limit=limit,
start=start,

    )).parsed
