"""Language choice: Danish unless the visitor picked another language.

Django's LocaleMiddleware follows the browser's Accept-Language, which would show a
Danish municipality's portal in English to most visitors with an English browser. Here
only an explicit choice (the language cookie set by the language switch, or a language
prefix in a test request) changes the language."""

from django.conf import settings
from django.utils import translation


def chosen_language(request) -> str:
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    supported = {code for code, _name in settings.LANGUAGES}
    return chosen if chosen in supported else settings.LANGUAGE_CODE


class ChosenLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = chosen_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
