"""A partner's lifecycle through the Python client openapi-generator makes from the schema
(package `timp_og`): it fails where the schema misleads the generator, or where an answer is
not what the schema says (the client validates every answer against its models)."""

import sys

import timp_og
from timp_og.models import (
    NewConnectionRequestRequest,
    NewIntegrationRequest,
    OrganizationTypeEnum,
    SignUpRequest,
    WebhookEndpointRequest,
)

base_url = sys.argv[1]
anonymous = timp_og.ApiClient(timp_og.Configuration(host=base_url))
account = timp_og.SandboxApi(anonymous).sandbox_sign_up(
    SignUpRequest(company_name="Generator Retail", email="dev@og.example", org_type=OrganizationTypeEnum.RETAILER)
)
api = timp_og.ApiClient(timp_og.Configuration(host=base_url, access_token=account.users[0].auth_token))

supplier = timp_og.DiscoveryApi(api).discovery_suppliers_list().suppliers[0]
created = timp_og.ConnectionsApi(api).connection_request_create(
    NewConnectionRequestRequest(
        supplier_uuid=supplier.uuid,
        primary_contact_name="Sam Seller",
        requested_integrations=[NewIntegrationRequest(type="item", update_frequency="@daily")],
    ),
    idempotency_key="og-lifecycle-1",
)
sandbox = timp_og.SandboxApi(api)
connection = sandbox.sandbox_request_approve(created.uuid)
active = sandbox.sandbox_connection_confirm(connection.uuid)
assert active.status == "ACTIVE", active.status

webhooks = timp_og.WebhooksApi(api)
made = webhooks.webhook_create(WebhookEndpointRequest(url="http://127.0.0.1:9/hooks", event_types=["*"]))
assert made.secret.startswith("whsec_")
assert [hook.description for hook in webhooks.webhook_list()] == [""]

events = timp_og.EventsApi(api).event_list(after=0).events
last = events[-1].actual_instance
assert last.type == "connections/confirmed", last.type
assert last.data.status == "ACTIVE"
print(f"lifecycle passed: {len(events)} events")
