"""The phone page seen from a station: the desk's Web menu, the address dialog with its QR
code and poster, and `counter-app web` run as this station's child process."""
