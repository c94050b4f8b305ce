import factory
from factory.django import DjangoModelFactory

from organizations import services
from organizations.catalogue import NAMES
from organizations.models import AccountManager, Organization, Person, User

PASSWORD = "correct horse battery staple"


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.Faker("email")
    phone = "801-555-1212"
    job_title = "Account Manager"


class OrganizationFactory(DjangoModelFactory):
    """A retailer by default; `SupplierOrganizationFactory` for the other side. Made by the
    service that makes every organization, so it has its Retailer or Supplier record."""

    class Meta:
        model = Organization

    name = factory.Faker("company")
    website = factory.Faker("domain_name")
    org_type = Organization.Type.RETAILER
    status = Organization.Status.ACTIVE
    primary_contact = factory.SubFactory(PersonFactory)

    @classmethod
    def _create(cls, model_class, *args, **kwargs) -> Organization:
        return services.create_organization(**kwargs)


class SupplierOrganizationFactory(OrganizationFactory):
    org_type = Organization.Type.SUPPLIER


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    organization = factory.SubFactory(OrganizationFactory)
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def permissions(user, create, extracted, **kwargs):
        """Every permission, unless told which (`permissions=[]`: none)."""
        if create and user.organization_id is not None:
            services.welcome_member(user=user, permissions=NAMES if extracted is None else extracted)


class StaffUserFactory(UserFactory):
    username = factory.Sequence(lambda n: f"staff{n}")
    organization = None
    is_staff = True


class AccountManagerFactory(DjangoModelFactory):
    class Meta:
        model = AccountManager

    person = factory.SubFactory(PersonFactory, job_title="Account Manager")
    user = factory.SubFactory(StaffUserFactory)
