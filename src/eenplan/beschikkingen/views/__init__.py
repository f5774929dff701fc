"""Staff pages from aanvraag to beschikking, one module per resource: `aanvragen` (worklist,
decision form, suspending the term), `beschikking` (one decision, its letter, sending, the
lawfulness check, the PDF), `lijst` (the searchable list) and `werklijsten` (lawfulness queue,
ending and heronderzoek, transition rights). `urls.py` imports the modules themselves.

Views parse, authorise, call a selector or service and render. Access is decided by the one
access module (`privacy.access`): `@access.requires` for the role (refusals logged), then, once
the resident is known, `access.require(..., inwoner=...)` on reading pages (need-to-know, logged
allowed and refused with doel 'beschikking' or 'controle'), and the services again for every
write (they receive the actor and log only a refusal of their own). A record is loaded with the
same selector as the API (`beschikkingen.selectors.*_get`, 404 when it does not exist), so scope
means the same on both. A refusal of a service is shown in Dutch next to the form and changes
nothing (the services are atomic). Worklists show only residents in scope.
"""
