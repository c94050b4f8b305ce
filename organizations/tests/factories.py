import factory
from factory.django import DjangoModelFactory

from organizations.models import AccountManager, Organization, Person, Retailer, Supplier, User

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
    """A retailer by default; `SupplierOrganizationFactory` for the other side."""

    class Meta:
        model = Organization
        skip_postgeneration_save = True

    name = factory.Faker("company")
    website = factory.Faker("domain_name")
    org_type = Organization.Type.RETAILER
    status = Organization.Status.ACTIVE
    primary_contact = factory.SubFactory(PersonFactory)

    @factory.post_generation
    def role(organization, create, extracted, **kwargs):
        if create:
            model = Retailer if organization.is_retailer else Supplier
            model.objects.create(organization=organization)


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


class StaffUserFactory(UserFactory):
    username = factory.Sequence(lambda n: f"staff{n}")
    organization = None
    is_staff = True


class AccountManagerFactory(DjangoModelFactory):
    class Meta:
        model = AccountManager

    person = factory.SubFactory(PersonFactory, job_title="Account Manager")
    user = factory.SubFactory(StaffUserFactory)
