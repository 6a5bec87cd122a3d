"""``flask`` commands: seeding demo data, the rule module's doors, i18n."""
