"""What a pull request and the team's calendar need, read from the model and its Git history:
version discipline, a diff in words, the files a change touches that decide what runs, and the
calendar of governance dates. Nothing here writes a policy file (see `edit`).
"""
