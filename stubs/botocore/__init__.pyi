# Partial stubs for botocore: only the parts customer_profiles_typed uses, plus
# the names that types-boto3-customer-profiles imports (client, errorfactory,
# paginate), so that its client type resolves completely. Checked against the
# installed botocore by stubtest in the ``typecheck`` nox session.

__version__: str
