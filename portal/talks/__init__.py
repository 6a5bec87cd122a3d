"""Job talks: slots published by caseworkers, digital self-booking by citizens, reminders.

IL § 20, stk. 4; BEK 1307/2020 §§ 13 and 19; BEK 2024 § 14 (DOMAIN.md § 2.2).
"""
