package io.sockscope.inspector.decode;

/** The ethertypes (and Linux cooked protocol values) the link views recognise. */
public final class EtherType {

    public static final int IPV4 = 0x0800;
    public static final int IPV6 = 0x86DD;
    /** 802.1Q customer VLAN tag. */
    public static final int VLAN = 0x8100;
    /** 802.1ad service VLAN tag (QinQ outer tag). */
    public static final int QINQ = 0x88A8;
    /** The pre-standard QinQ outer tag some switches still send. */
    public static final int QINQ_LEGACY = 0x9100;

    private EtherType() {
    }
}
