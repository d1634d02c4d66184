"""`python -m kg.cli`: the kg command line."""
import sys

from kg.cli import main

if __name__ == "__main__":
    sys.exit(main())
