"""`python -m assistant` runs the replyvoice command."""

from .cli import main

main()
