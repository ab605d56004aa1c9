"""The Textual front end. It calls only `borrador.services`: no SQL, Jinja or file formats."""
