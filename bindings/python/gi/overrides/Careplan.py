# SPDX-License-Identifier: LGPL-2.1-or-later
"""PyGObject overrides for Careplan: a Python feel for the introspected API.

- Every function and method that takes a date (a GLib.Date) also takes a
  datetime.date (or datetime.datetime, whose date is used).
- A GLib.Date gives a datetime.date back with .to_date(), and str() of it
  is ISO 8601 (2027-03-01).
- A CaseloadReader is an iterator: ``for case in reader:``. A line that is
  not a case raises GLib.Error; the next iteration goes on after it.
- Case.new_from_json(text) needs no length.

Installed beside PyGObject's own overrides (gi/overrides/Careplan.py on
sys.path); the tests use the copy in the source tree through PYTHONPATH.
"""

import datetime
import functools

from gi.repository import GLib

from ..module import get_introspection_module
from ..overrides import override

Careplan = get_introspection_module("Careplan")

__all__ = []


def _to_gdate(value):
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return GLib.Date.new_dmy(value.day, GLib.DateMonth(value.month), value.year)
    return value


def _takes_a_date(info):
    for arg in info.get_arguments():
        iface = arg.get_type().get_interface()
        if iface is not None and iface.get_namespace() == "GLib" and iface.get_name() == "Date":
            return True
    return False


def _accepting_dates(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*[_to_gdate(a) for a in args], **{k: _to_gdate(v) for k, v in kwargs.items()})
    return wrapper


def _wrap_class(cls):
    info = getattr(cls, "__info__", None)
    get_methods = getattr(info, "get_methods", None)
    if get_methods is None:
        return
    for method in get_methods():
        name = method.get_name()
        if not _takes_a_date(method) or name not in cls.__dict__:
            continue
        wrapped = _accepting_dates(getattr(cls, name))
        setattr(cls, name, wrapped if method.is_method() else staticmethod(wrapped))


def _date_to_date(self):
    """The datetime.date of this GLib.Date."""
    return datetime.date(self.get_year(), int(self.get_month()), self.get_day())


def _date_str(self):
    if not self.valid():
        return "invalid date"
    return "%04d-%02d-%02d" % (self.get_year(), int(self.get_month()), self.get_day())


GLib.Date.to_date = _date_to_date
GLib.Date.__str__ = _date_str


class Case(Careplan.Case):
    @staticmethod
    def new_from_json(data, length=-1):
        """A case from its JSON text (a str, or UTF-8 bytes)."""
        if isinstance(data, (bytes, bytearray)):
            data = bytes(data).decode("utf-8")
        return Careplan.Case.new_from_json(data, length)


Case = override(Case)
__all__.append("Case")


class CaseloadReader(Careplan.CaseloadReader):
    def __iter__(self):
        return self

    def __next__(self):
        case = Careplan.CaseloadReader.next(self)
        if case is None:
            raise StopIteration
        return case


CaseloadReader = override(CaseloadReader)
__all__.append("CaseloadReader")

# Namespace functions that take a date.
for _name in ("date_format_iso",):
    if hasattr(Careplan, _name):
        globals()[_name] = _accepting_dates(getattr(Careplan, _name))
        __all__.append(_name)

for _name in dir(Careplan):
    _obj = getattr(Careplan, _name, None)
    if isinstance(_obj, type):
        _wrap_class(_obj)
# The overridden classes are subclasses: wrap what they define themselves.
_wrap_class(Case)
_wrap_class(CaseloadReader)
