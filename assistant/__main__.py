"""`python -m assistant` runs the replyvoice command."""

from assistant.cli.root import main

main()
