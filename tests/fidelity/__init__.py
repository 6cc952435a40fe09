"""The emulator driven by unmodified third-party clients (the AWS CLI, capo).

These tests run in the ``fidelity`` nox session, which installs the clients;
the ``tests`` session does not collect them.
"""
