"""Browser shells over :class:`tutor.service.Tutor`: student app, teacher app, the server."""
