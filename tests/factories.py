"""factory_boy factories for the organisation data. Apps add their own beside their tests."""

import factory
from django.contrib.auth.models import Group

from council.models import User


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    email = factory.LazyAttribute(lambda u: f"{u.username}@council.example")
    job_title = "Officer"
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery staple")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*Group.objects.filter(name__in=extracted))
            missing = set(extracted) - set(self.groups.values_list("name", flat=True))
            assert not missing, f"unknown roles {missing}"
        if create:
            self.save()
