"""One module per group of CLI commands; each command calls one library function and prints."""
