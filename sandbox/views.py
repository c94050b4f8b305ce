"""`/` in a sandbox: the getting-started page, whose form signs a partner up."""

from django import forms
from django.conf import settings
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from core.views import not_found
from organizations.models import Organization
from sandbox import services
from sandbox.api.views import SignUpRateThrottle, account_answer


class SignUpForm(forms.Form):
    company_name = forms.CharField(max_length=150)
    email = forms.EmailField(max_length=200)
    org_type = forms.ChoiceField(choices=Organization.Type.choices, label="Your organization is a")


# The calls the page shows a side: whom it discovers, and the key that names one in a request.
CALLS_OF = {
    Organization.Type.RETAILER: ("suppliers", "supplier_uuid"),
    Organization.Type.SUPPLIER: ("retailers", "retailer_uuid"),
}


@never_cache  # its answer to a sign-up shows a password and a token
def getting_started(request):
    if not settings.TIMP_SANDBOX:
        return not_found(request)
    form, account = SignUpForm(request.POST or None), None
    if request.method == "POST" and form.is_valid():
        if not SignUpRateThrottle().allow_request(request, None):
            form.add_error(None, "Too many sign-ups from your address: try again later.")
        else:
            account = account_answer(services.sign_up(**form.cleaned_data))
    base = request.build_absolute_uri("/").rstrip("/")
    # The calls shown are the signed-up side's (before signing up, a retailer's).
    side = account["organization"]["org_type"] if account else Organization.Type.RETAILER
    partners, role_key = CALLS_OF[side]
    context = {"form": form, "account": account, "base": base, "partners": partners, "role_key": role_key}
    return render(request, "sandbox/getting_started.html", context)
