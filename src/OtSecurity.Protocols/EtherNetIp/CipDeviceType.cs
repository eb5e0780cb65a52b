namespace OtSecurity.Protocols.EtherNetIp;

/// <summary>CIP device types (device profiles) of the Identity object, attribute 2 (CIP Vol. 1 chapter 6).</summary>
public enum CipDeviceType : ushort
{
    /// <summary>Generic Device (deprecated) (0).</summary>
    GenericDeviceDeprecated = 0,

    /// <summary>AC Drive (2).</summary>
    ACDrive = 2,

    /// <summary>Motor Overload (3).</summary>
    MotorOverload = 3,

    /// <summary>Limit Switch (4).</summary>
    LimitSwitch = 4,

    /// <summary>Inductive Proximity Switch (5).</summary>
    InductiveProximitySwitch = 5,

    /// <summary>Photoelectric Sensor (6).</summary>
    PhotoelectricSensor = 6,

    /// <summary>General Purpose Discrete I/O (7).</summary>
    GeneralPurposeDiscreteIO = 7,

    /// <summary>Resolver (9).</summary>
    Resolver = 9,

    /// <summary>Communications Adapter (12).</summary>
    CommunicationsAdapter = 12,

    /// <summary>Programmable Logic Controller (14).</summary>
    ProgrammableLogicController = 14,

    /// <summary>Position Controller (16).</summary>
    PositionController = 16,

    /// <summary>DC Drive (19).</summary>
    DCDrive = 19,

    /// <summary>Contactor (21).</summary>
    Contactor = 21,

    /// <summary>Motor Starter (22).</summary>
    MotorStarter = 22,

    /// <summary>Soft Start (23).</summary>
    SoftStart = 23,

    /// <summary>Human-Machine Interface (24).</summary>
    HumanMachineInterface = 24,

    /// <summary>Mass Flow Controller (26).</summary>
    MassFlowController = 26,

    /// <summary>Pneumatic Valve (27).</summary>
    PneumaticValve = 27,

    /// <summary>Vacuum Pressure Gauge (28).</summary>
    VacuumPressureGauge = 28,

    /// <summary>Process Control Value (29).</summary>
    ProcessControlValue = 29,

    /// <summary>Residual Gas Analyzer (30).</summary>
    ResidualGasAnalyzer = 30,

    /// <summary>DC Power Generator (31).</summary>
    DCPowerGenerator = 31,

    /// <summary>RF Power Generator (32).</summary>
    RFPowerGenerator = 32,

    /// <summary>Turbomolecular Vacuum Pump (33).</summary>
    TurbomolecularVacuumPump = 33,

    /// <summary>Encoder (34).</summary>
    Encoder = 34,

    /// <summary>Safety Discrete I/O Device (35).</summary>
    SafetyDiscreteIODevice = 35,

    /// <summary>Fluid Flow Controller (36).</summary>
    FluidFlowController = 36,

    /// <summary>CIP Motion Drive (37).</summary>
    CIPMotionDrive = 37,

    /// <summary>CompoNet Repeater (38).</summary>
    CompoNetRepeater = 38,

    /// <summary>Mass Flow Controller, Enhanced (39).</summary>
    MassFlowControllerEnhanced = 39,

    /// <summary>CIP Modbus Device (40).</summary>
    CIPModbusDevice = 40,

    /// <summary>CIP Modbus Translator (41).</summary>
    CIPModbusTranslator = 41,

    /// <summary>Safety Analog I/O Device (42).</summary>
    SafetyAnalogIODevice = 42,

    /// <summary>Generic Device (keyable) (43).</summary>
    GenericDeviceKeyable = 43,

    /// <summary>Managed Ethernet Switch (44).</summary>
    ManagedEthernetSwitch = 44,

    /// <summary>CIP Motion Safety Drive Device (45).</summary>
    CIPMotionSafetyDriveDevice = 45,

    /// <summary>Safety Drive Device (46).</summary>
    SafetyDriveDevice = 46,

    /// <summary>CIP Motion Encoder (47).</summary>
    CIPMotionEncoder = 47,

    /// <summary>CIP Motion Converter (48).</summary>
    CIPMotionConverter = 48,

    /// <summary>CIP Motion I/O (49).</summary>
    CIPMotionIO = 49,

    /// <summary>ControlNet Physical Layer Component (50).</summary>
    ControlNetPhysicalLayerComponent = 50,

    /// <summary>Circuit Breaker (51).</summary>
    CircuitBreaker = 51,

    /// <summary>HART Device (52).</summary>
    HARTDevice = 52,

    /// <summary>CIP-HART Translator (53).</summary>
    CIPHARTTranslator = 53,

    /// <summary>Embedded Component (200).</summary>
    EmbeddedComponent = 200,
}
