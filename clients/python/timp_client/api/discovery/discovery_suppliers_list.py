from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.discovered_suppliers_list import DiscoveredSuppliersList
from ...models.discovery_suppliers_list_dir import DiscoverySuppliersListDir
from ...models.discovery_suppliers_list_sort import DiscoverySuppliersListSort
from ...models.error import Error
from ...models.invalid_input import InvalidInput
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    dir_: DiscoverySuppliersListDir | Unset = DiscoverySuppliersListDir.ASC,
    initial_character: str | Unset = UNSET,
    limit: int | Unset = 50,
    recent: int | Unset = UNSET,
    search: str | Unset = UNSET,
    sort: DiscoverySuppliersListSort | Unset = UNSET,
    start: int | Unset = 0,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_dir_: str | Unset = UNSET
    if not isinstance(dir_, Unset):
        json_dir_ = dir_.value

    params["dir"] = json_dir_

    params["initial_character"] = initial_character

    params["limit"] = limit

    params["recent"] = recent

    params["search"] = search

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params["start"] = start


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/timp/discovery/suppliers/",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | DiscoveredSuppliersList | Error | InvalidInput | None:
    if response.status_code == 200:
        response_200 = DiscoveredSuppliersList.from_dict(response.json())



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

    if response.status_code == 409:
        response_409 = cast(Any, None)
        return response_409

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | DiscoveredSuppliersList | Error | InvalidInput]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    dir_: DiscoverySuppliersListDir | Unset = DiscoverySuppliersListDir.ASC,
    initial_character: str | Unset = UNSET,
    limit: int | Unset = 50,
    recent: int | Unset = UNSET,
    search: str | Unset = UNSET,
    sort: DiscoverySuppliersListSort | Unset = UNSET,
    start: int | Unset = 0,

) -> Response[Any | DiscoveredSuppliersList | Error | InvalidInput]:
    """ Find suppliers (query parameters)

    Args:
        dir_ (DiscoverySuppliersListDir | Unset):  Default: DiscoverySuppliersListDir.ASC.
        initial_character (str | Unset):
        limit (int | Unset):  Default: 50.
        recent (int | Unset):
        search (str | Unset):
        sort (DiscoverySuppliersListSort | Unset):
        start (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | DiscoveredSuppliersList | Error | InvalidInput]
     """


    kwargs = _get_kwargs(
        dir_=dir_,
initial_character=initial_character,
limit=limit,
recent=recent,
search=search,
sort=sort,
start=start,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    dir_: DiscoverySuppliersListDir | Unset = DiscoverySuppliersListDir.ASC,
    initial_character: str | Unset = UNSET,
    limit: int | Unset = 50,
    recent: int | Unset = UNSET,
    search: str | Unset = UNSET,
    sort: DiscoverySuppliersListSort | Unset = UNSET,
    start: int | Unset = 0,

) -> Any | DiscoveredSuppliersList | Error | InvalidInput | None:
    """ Find suppliers (query parameters)

    Args:
        dir_ (DiscoverySuppliersListDir | Unset):  Default: DiscoverySuppliersListDir.ASC.
        initial_character (str | Unset):
        limit (int | Unset):  Default: 50.
        recent (int | Unset):
        search (str | Unset):
        sort (DiscoverySuppliersListSort | Unset):
        start (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | DiscoveredSuppliersList | Error | InvalidInput
     """


    return sync_detailed(
        client=client,
dir_=dir_,
initial_character=initial_character,
limit=limit,
recent=recent,
search=search,
sort=sort,
start=start,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    dir_: DiscoverySuppliersListDir | Unset = DiscoverySuppliersListDir.ASC,
    initial_character: str | Unset = UNSET,
    limit: int | Unset = 50,
    recent: int | Unset = UNSET,
    search: str | Unset = UNSET,
    sort: DiscoverySuppliersListSort | Unset = UNSET,
    start: int | Unset = 0,

) -> Response[Any | DiscoveredSuppliersList | Error | InvalidInput]:
    """ Find suppliers (query parameters)

    Args:
        dir_ (DiscoverySuppliersListDir | Unset):  Default: DiscoverySuppliersListDir.ASC.
        initial_character (str | Unset):
        limit (int | Unset):  Default: 50.
        recent (int | Unset):
        search (str | Unset):
        sort (DiscoverySuppliersListSort | Unset):
        start (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | DiscoveredSuppliersList | Error | InvalidInput]
     """


    kwargs = _get_kwargs(
        dir_=dir_,
initial_character=initial_character,
limit=limit,
recent=recent,
search=search,
sort=sort,
start=start,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    dir_: DiscoverySuppliersListDir | Unset = DiscoverySuppliersListDir.ASC,
    initial_character: str | Unset = UNSET,
    limit: int | Unset = 50,
    recent: int | Unset = UNSET,
    search: str | Unset = UNSET,
    sort: DiscoverySuppliersListSort | Unset = UNSET,
    start: int | Unset = 0,

) -> Any | DiscoveredSuppliersList | Error | InvalidInput | None:
    """ Find suppliers (query parameters)

    Args:
        dir_ (DiscoverySuppliersListDir | Unset):  Default: DiscoverySuppliersListDir.ASC.
        initial_character (str | Unset):
        limit (int | Unset):  Default: 50.
        recent (int | Unset):
        search (str | Unset):
        sort (DiscoverySuppliersListSort | Unset):
        start (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | DiscoveredSuppliersList | Error | InvalidInput
     """


    return (await asyncio_detailed(
        client=client,
dir_=dir_,
initial_character=initial_character,
limit=limit,
recent=recent,
search=search,
sort=sort,
start=start,

    )).parsed
