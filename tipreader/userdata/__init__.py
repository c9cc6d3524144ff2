"""What the user makes and must never lose, and the team store that shares it.

- :mod:`.pg_local`: a throwaway local PostgreSQL cluster (tests, and trying a team library).
"""
