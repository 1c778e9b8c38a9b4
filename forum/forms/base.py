"""The base of every form: text fields lose control characters before validation, and only
the request's text fields are read."""

from flask import request
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField, TextAreaField

from forum.text import strip_control_characters


class MaillageForm(FlaskForm):
    class Meta:
        def bind_field(self, form, unbound_field, options):
            field_class = unbound_field.field_class
            if issubclass(field_class, (StringField, TextAreaField)) and not issubclass(
                field_class, PasswordField
            ):
                filters = unbound_field.kwargs.get("filters", ())
                options = {**options, "filters": [strip_control_characters, *filters]}
            return super().bind_field(form, unbound_field, options)

        def wrap_formdata(self, form, formdata):
            # Flask-WTF would also read uploaded files and JSON bodies; no form here takes
            # either, and their values (a FileStorage, a number, a list) reached validators
            # that expect text: a 500. A file or JSON value now simply is not there.
            if formdata is None or hasattr(formdata, "getlist"):
                return formdata  # given explicitly
            return request.form if form.is_submitted() and request.form else None
