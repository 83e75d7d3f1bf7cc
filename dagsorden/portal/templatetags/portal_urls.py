"""`{% portal_url 'meeting_list' %}`: a page of the municipality whose portal the
visitor is on (its slug URL, or the slug-less one where it is served at `/`)."""

from django import template

from dagsorden.portal.tenancy import PortalScope

register = template.Library()


@register.simple_tag(takes_context=True)
def portal_url(context, name, municipality=None, **kwargs):
    scope = _scope(context)
    return scope.url(name, municipality, **kwargs)


@register.simple_tag(takes_context=True)
def portal_canonical(context, name, **kwargs):
    return _scope(context).canonical(name, **kwargs)


def _scope(context) -> PortalScope:
    scope = context.get("portal_scope")
    if scope is None:  # a template rendered without a request (documents, e-mails)
        scope = PortalScope(context.get("request"))
    return scope
