package com.cardcoupons.registration.webhook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which addresses a webhook may be sent to, without Spring: public unicast only; loopback where development allows. */
class PublicAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "0.0.0.0", "0.255.255.255", "10.0.0.1", "10.255.255.255", "100.64.0.0", "100.127.255.255", "127.0.0.1",
            "127.255.255.254", "169.254.169.254", "169.254.0.1", "172.16.0.1", "172.31.255.255", "192.0.0.8", "192.0.2.1",
            "192.88.99.1", "192.168.0.1", "192.168.255.255", "198.18.0.1", "198.19.255.255", "198.51.100.7",
            "203.0.113.9", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255",
            "::", "::1", "fc00::1", "fd12:3456:789a::1", "fe80::1", "febf::1", "fec0::1", "ff02::1", "ff0e::1",
            "::ffff:10.0.0.1", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::ffff:192.168.1.1", "::ffff:0.0.0.0",
            "::10.0.0.1", "::8.8.8.8", "64:ff9b::a00:1", "64:ff9b:1::1", "100::1", "2001::1", "2001:0:4136:e378::1",
            "2001:db8::1", "2002:a00:1::1", "3fff::1", "4000::1", "1000::1", "fd00:ec2::254"})
    void notPublic(String literal) throws UnknownHostException {
        assertThat(PublicAddresses.isPublic(InetAddress.getByName(literal))).as(literal).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "9.255.255.255", "11.0.0.0", "100.63.255.255", "100.128.0.0",
            "126.255.255.255", "128.0.0.0", "169.253.255.255", "169.255.0.0", "172.15.255.255", "172.32.0.0",
            "192.0.1.1", "192.167.255.255", "192.169.0.0", "198.17.255.255", "198.20.0.0", "203.0.112.255",
            "223.255.255.255", "93.184.216.34",
            "2606:4700:4700::1111", "2a00:1450:4001:80b::200e", "2001:200::1", "2001:4860:4860::8888", "2003::1",
            "3ffe::1", "::ffff:8.8.8.8", "64:ff9b::808:808"})
    void isPublic(String literal) throws UnknownHostException {
        assertThat(PublicAddresses.isPublic(InetAddress.getByName(literal))).as(literal).isTrue();
    }

    @Test
    void theDevelopmentSettingAllowsLoopbackAndNoOtherPrivateRange() throws UnknownHostException {
        for (String loopback : new String[] {"127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1"}) {
            assertThat(PublicAddresses.permitted(InetAddress.getByName(loopback), true)).as(loopback).isTrue();
            assertThat(PublicAddresses.permitted(InetAddress.getByName(loopback), false)).as(loopback).isFalse();
        }
        for (String other : new String[] {"10.0.0.1", "169.254.169.254", "192.168.1.1", "172.16.0.1", "0.0.0.0", "::",
                "fc00::1", "fe80::1", "100.64.0.1", "ff02::1"}) {
            assertThat(PublicAddresses.permitted(InetAddress.getByName(other), true)).as(other).isFalse();
        }
        assertThat(PublicAddresses.permitted(InetAddress.getByName("8.8.8.8"), false)).isTrue();
    }

    @Test
    void anIpv4MappedAddressIsJudgedByItsIpv4AddressHoweverItIsBuilt() throws UnknownHostException {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = (byte) 169;
        mapped[13] = (byte) 254;
        mapped[14] = (byte) 169;
        mapped[15] = (byte) 254;
        // built as an Inet6Address explicitly (getByName would hand back an Inet4Address)
        InetAddress address = java.net.Inet6Address.getByAddress(null, mapped, -1);
        assertThat(PublicAddresses.isPublic(address)).isFalse();
        assertThat(PublicAddresses.permitted(address, true)).isFalse();
        mapped[12] = 127;
        assertThat(PublicAddresses.permitted(java.net.Inet6Address.getByAddress(null, mapped, -1), true)).isTrue();
    }
}
