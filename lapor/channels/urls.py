from django.urls import path

from lapor.channels import sms, whatsapp

app_name = "channels"

urlpatterns = [
    path("sms/kannel", sms.kannel, name="kannel"),
    path("whatsapp/webhook", whatsapp.webhook, name="whatsapp"),
]
