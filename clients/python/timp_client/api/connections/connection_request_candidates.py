from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.connection_request_candidates_status import ConnectionRequestCandidatesStatus
from ...models.error import Error
from ...models.invalid_input import InvalidInput
from ...models.paginated_candidate_list import PaginatedCandidateList
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    id: str,
    *,
    limit: int | Unset = UNSET,
    start: int | Unset = UNSET,
    status: ConnectionRequestCandidatesStatus | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["start"] = start

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/timp/organizations/connections/request/{id}/candidates/".format(id=quote(str(id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | InvalidInput | PaginatedCandidateList | None:
    if response.status_code == 200:
        response_200 = PaginatedCandidateList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | InvalidInput | PaginatedCandidateList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    start: int | Unset = UNSET,
    status: ConnectionRequestCandidatesStatus | Unset = UNSET,

) -> Response[Error | InvalidInput | PaginatedCandidateList]:
    """ Organizations the request may mean (staff)

     Up to 10, best first: the same name, a similar one, the contact's email domain.

    Args:
        id (str):
        limit (int | Unset):
        start (int | Unset):
        status (ConnectionRequestCandidatesStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | InvalidInput | PaginatedCandidateList]
     """


    kwargs = _get_kwargs(
        id=id,
limit=limit,
start=start,
status=status,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    start: int | Unset = UNSET,
    status: ConnectionRequestCandidatesStatus | Unset = UNSET,

) -> Error | InvalidInput | PaginatedCandidateList | None:
    """ Organizations the request may mean (staff)

     Up to 10, best first: the same name, a similar one, the contact's email domain.

    Args:
        id (str):
        limit (int | Unset):
        start (int | Unset):
        status (ConnectionRequestCandidatesStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | InvalidInput | PaginatedCandidateList
     """


    return sync_detailed(
        id=id,
client=client,
limit=limit,
start=start,
status=status,

    ).parsed

async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    start: int | Unset = UNSET,
    status: ConnectionRequestCandidatesStatus | Unset = UNSET,

) -> Response[Error | InvalidInput | PaginatedCandidateList]:
    """ Organizations the request may mean (staff)

     Up to 10, best first: the same name, a similar one, the contact's email domain.

    Args:
        id (str):
        limit (int | Unset):
        start (int | Unset):
        status (ConnectionRequestCandidatesStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | InvalidInput | PaginatedCandidateList]
     """


    kwargs = _get_kwargs(
        id=id,
limit=limit,
start=start,
status=status,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    start: int | Unset = UNSET,
    status: ConnectionRequestCandidatesStatus | Unset = UNSET,

) -> Error | InvalidInput | PaginatedCandidateList | None:
    """ Organizations the request may mean (staff)

     Up to 10, best first: the same name, a similar one, the contact's email domain.

    Args:
        id (str):
        limit (int | Unset):
        start (int | Unset):
        status (ConnectionRequestCandidatesStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | InvalidInput | PaginatedCandidateList
     """


    return (await asyncio_detailed(
        id=id,
client=client,
limit=limit,
start=start,
status=status,

    )).parsed
