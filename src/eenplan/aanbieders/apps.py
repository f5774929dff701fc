from django.apps import AppConfig


class AanbiedersConfig(AppConfig):
    name = "eenplan.aanbieders"
    label = "aanbieders"
    verbose_name = "Aanbieders en contracten"
