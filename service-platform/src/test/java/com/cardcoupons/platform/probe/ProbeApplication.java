package com.cardcoupons.platform.probe;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service that uses the platform the way the real services do, for testing the platform alone. */
@SpringBootApplication
class ProbeApplication {
}
