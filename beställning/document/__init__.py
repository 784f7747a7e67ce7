"""Word documents: our own filled form (render) and FK's own form filled in (fk_form)."""
