"""`python -m shortlist ...` runs the same command line as the `shortlist` program."""
from shortlist.cli import main

main()
