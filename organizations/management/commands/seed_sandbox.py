"""Sandbox data for partners' integration testing: idempotent, with fresh credentials."""

import json
import os
import secrets
import uuid

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from knox.models import AuthToken

from organizations import services
from organizations.apps import ACCOUNT_MANAGERS_GROUP
from organizations.models import Organization, User

# Fixed UUIDs, so the sandbox organizations keep their identity across re-seeding.
NAMESPACE = uuid.UUID("6d1f4c1e-8a53-4f7e-9a3e-3b0f2f6f6a11")
ORGANIZATIONS = {
    "retailer": ("Sandbox Retailer One", Organization.Type.RETAILER, "retailer-one.example"),
    "retailer_2": ("Sandbox Retailer Two", Organization.Type.RETAILER, "retailer-two.example"),
    "supplier": ("Sandbox Supplier One", Organization.Type.SUPPLIER, "supplier-one.example"),
    "supplier_2": ("Sandbox Supplier Two", Organization.Type.SUPPLIER, "supplier-two.example"),
}


class Command(BaseCommand):
    help = "Create or refresh the sandbox organizations and users, and print fresh tokens."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="Print the credentials as one JSON object.")
        parser.add_argument("--base-url", default="http://127.0.0.1:8000", help="Used in the example curl line.")
        parser.add_argument(
            "--keep-existing",
            action="store_true",
            help="Seed only a sandbox not seeded yet; otherwise change nothing and print nothing (restarts).",
        )

    def handle(self, *args, **options):
        if not (settings.DEBUG or settings.TIMP_SANDBOX):
            raise CommandError("Refusing to seed: set TIMP_SANDBOX=true (or DEBUG=true) for a sandbox deployment.")
        if options["keep_existing"] and User.objects.filter(username="sandbox-staff").exists():
            return
        credentials = self.seed()
        if options["json"]:
            self.stdout.write(json.dumps(credentials, indent=2))
            return
        for name, login in credentials.items():
            self.stdout.write(
                f"{name:<11} username={login['username']:<20} password={login['password']}  token={login['token']}"
            )
        self.stdout.write(
            "\nTry it:\n"
            f"  curl -H 'Authorization: Token {credentials['retailer']['token']}' "
            f"{options['base_url'].rstrip('/')}/timp/organizations/"
        )

    @transaction.atomic
    def seed(self) -> dict:
        staff, _ = User.objects.update_or_create(
            username="sandbox-staff",
            defaults={"is_staff": True, "first_name": "Sandra", "last_name": "Manager", "email": "sandra@timp.example"},
        )
        staff.groups.add(Group.objects.get(name=ACCOUNT_MANAGERS_GROUP))
        account_manager = services.account_manager_for(staff)
        credentials = {"staff": self.credentials(staff, None)}
        for key, (name, org_type, website) in ORGANIZATIONS.items():
            organization_uuid = uuid.uuid5(NAMESPACE, key)
            organization = Organization.objects.filter(pk=organization_uuid).first() or services.create_organization(
                organization_uuid=organization_uuid,
                name=name,
                org_type=org_type,
                website=website,
                status=Organization.Status.ACTIVE,
                account_manager=account_manager,
                contact={
                    "first_name": "Owner",
                    "last_name": name.split()[-1],
                    "email": f"owner@{website}",
                    "phone": "801-555-0100",
                    "job_title": "Integration Lead",
                },
            )
            # Partners find the sandbox's members in discovery, as they will find real ones.
            services.set_participation(organization=organization, is_participating=True, user=staff)
            user, _ = User.objects.update_or_create(
                username=f"sandbox-{key.replace('_', '-')}", defaults={"organization": organization}
            )
            services.welcome_member(user=user)
            credentials[key] = self.credentials(user, organization)
        return credentials

    @staticmethod
    def credentials(user: User, organization: Organization | None) -> dict:
        """Sets a fresh password (SANDBOX_PASSWORD when given) and replaces the user's tokens."""
        password = os.environ.get("SANDBOX_PASSWORD") or secrets.token_urlsafe(12)
        user.set_password(password)
        user.save(update_fields=["password"])
        AuthToken.objects.filter(user=user).delete()
        _, token = services.issue_token(user=user)
        return {
            "username": user.username,
            "password": password,
            "token": token,
            "auth_token": token,  # what the login answer calls it
            "organization_uuid": str(organization.uuid) if organization else None,
        }
