namespace OtSecurity.Risk.Ssvc;

/// <summary>SSVC decision point "(State of) Exploitation" (CISA SSVC Guide, November 2022).</summary>
public enum SsvcExploitation
{
    /// <summary>No evidence of active exploitation and no public proof of concept.</summary>
    None,

    /// <summary>A public proof of concept exists (Metasploit, ExploitDB) or the method of exploitation is well known.</summary>
    PoC,

    /// <summary>Shared, observable, reliable evidence of exploitation in the wild (for example, listed in CISA KEV).</summary>
    Active,
}

/// <summary>SSVC decision point "Automatable": can steps 1–4 of the kill chain be reliably automated?</summary>
public enum SsvcAutomatable
{
    /// <summary>Reconnaissance, weaponization, delivery and exploitation cannot all be reliably automated.</summary>
    No,

    /// <summary>They can (unauthenticated remote code execution is usually "yes").</summary>
    Yes,
}

/// <summary>SSVC decision point "Technical Impact" of exploiting the vulnerability on the affected component.</summary>
public enum SsvcTechnicalImpact
{
    /// <summary>Limited control or information exposure, or a low stochastic chance of total control.</summary>
    Partial,

    /// <summary>Total control of the component's behaviour, or total disclosure of its information.</summary>
    Total,
}

/// <summary>CISA SSVC "Mission Prevalence": how the vulnerable component relates to mission essential functions (MEFs).</summary>
public enum MissionPrevalence
{
    /// <summary>Neither Support nor Essential applies.</summary>
    Minimal,

    /// <summary>The component supports MEFs of two or more entities.</summary>
    Support,

    /// <summary>The component directly provides at least one MEF; its failure may lead to mission failure.</summary>
    Essential,
}

/// <summary>CISA SSVC "Public Well-Being Impact": the effect of exploitation on humans.</summary>
public enum PublicWellBeingImpact
{
    /// <summary>The effect is below the threshold for all aspects described in Material.</summary>
    Minimal,

    /// <summary>Physical, environmental, financial or psychological harm is possible (for example, a temporarily impaired physical process).</summary>
    Material,

    /// <summary>Harm that cannot be undone: death, lasting environmental damage, loss of critical infrastructure.</summary>
    Irreversible,
}

/// <summary>CISA SSVC "Mission &amp; Well-being Impact", derived from mission prevalence and public well-being impact.</summary>
public enum MissionAndWellBeing
{
    /// <summary>Low.</summary>
    Low,

    /// <summary>Medium.</summary>
    Medium,

    /// <summary>High.</summary>
    High,
}

/// <summary>The CISA SSVC vulnerability scoring decision.</summary>
public enum SsvcDecision
{
    /// <summary>Track: no action required now; remediate within standard update timelines.</summary>
    Track,

    /// <summary>Track* ("track star"): monitor closely for changes; remediate within standard update timelines.</summary>
    TrackStar,

    /// <summary>Attend: supervisory attention; remediate sooner than standard update timelines.</summary>
    Attend,

    /// <summary>Act: supervisory and leadership attention; remediate as soon as possible.</summary>
    Act,
}
