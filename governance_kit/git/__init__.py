"""Reading the Git repository and its history.

One way in (`refs.open_repo`) and one failure (`refs.GitProblem`, a one-line message).
"""
