"""The base of every form: text fields lose control characters before validation."""

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
