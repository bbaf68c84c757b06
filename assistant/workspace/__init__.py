"""The app's workspace logic beside the pipeline: re-checking edits, approving, preferences, profile help."""
