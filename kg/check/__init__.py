"""SHACL validation and the checks that must find nothing."""
